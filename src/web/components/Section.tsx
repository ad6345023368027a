// A titled part of a page: a region landmark named by its h2.
import { useId, type ReactNode } from "react";

/** `wide` spans the whole row of a `.sections` grid (for wide tables). */
export function Section({
  title,
  wide = false,
  children,
}: {
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section aria-labelledby={id} className={wide ? "card wide" : "card"}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
