// The organisation's instrument packs: bundled and installed, with versions, kind and licence.
import type { InstrumentSummary } from "../api/instruments";
import { formatDate } from "../components/format";

function Source({ pack }: { pack: InstrumentSummary }) {
  if (pack.bundled) return <>Bundled</>;
  return <>Installed {pack.installedAt ? formatDate(pack.installedAt) : ""}</>;
}

function Licence({ pack }: { pack: InstrumentSummary }) {
  return (
    <>
      {pack.licence}
      {pack.copyright && <span className="hint"> · {pack.copyright}</span>}
      {pack.attribution && (
        <span className="hint">
          <br />
          {pack.attribution}
        </span>
      )}
    </>
  );
}

export function InstrumentPacksTable({
  packs,
}: {
  packs: InstrumentSummary[];
}) {
  return (
    <div
      className="table-scroll"
      role="region"
      aria-label="Instrument packs table"
      tabIndex={0}
    >
      <table>
        <caption className="visually-hidden">
          Instrument packs available to this organisation
        </caption>
        <thead>
          <tr>
            <th scope="col">Pack</th>
            <th scope="col">Id</th>
            <th scope="col">Versions</th>
            <th scope="col">Kind</th>
            <th scope="col">Licence and attribution</th>
            <th scope="col">Source</th>
          </tr>
        </thead>
        <tbody>
          {packs.map((p) => (
            <tr key={p.id}>
              <th scope="row">
                {p.title}
                {!p.validated && <span className="hint"> · not validated</span>}
              </th>
              <td>
                <code>{p.id}</code>
              </td>
              <td>
                {p.version}
                {p.versions.length > 1 && (
                  <span className="hint"> (all: {p.versions.join(", ")})</span>
                )}
              </td>
              <td>{p.kind}</td>
              <td>
                <Licence pack={p} />
              </td>
              <td>
                <Source pack={p} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
