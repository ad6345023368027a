import { Link } from "../components/Link";
import { PageHeading } from "../components/PageHeading";

export function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <p>
        There is no page at this address, or your role cannot open it.{" "}
        <Link href="/">Go to the start page</Link>.
      </p>
    </>
  );
}
