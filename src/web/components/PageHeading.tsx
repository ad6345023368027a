// A page's h1: names the document and takes focus after navigation, so screen-reader and
// keyboard users start at the new page's top instead of the link they followed.
import { useEffect, useRef } from "react";

let firstPage = true;

export function PageHeading({ children }: { children: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · Rapport`;
  }, [children]);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus();
  }, []);
  return (
    <h1 ref={heading} tabIndex={-1}>
      {children}
    </h1>
  );
}
