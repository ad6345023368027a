// Subject-access export: everything held about the client, as JSON or a FHIR R4 Bundle.
import { exportUrl } from "../api/clients";
import { Section } from "../components/Section";

export function ExportSection({ clientId }: { clientId: string }) {
  return (
    <Section title="Subject-access export">
      <p>
        Download everything Rapport holds about this client. The download is
        audited.
      </p>
      <ul className="plain">
        <li>
          <a href={exportUrl(clientId, "json")} download>
            Download as JSON
          </a>
        </li>
        <li>
          <a href={exportUrl(clientId, "fhir")} download>
            Download as a FHIR R4 Bundle
          </a>
        </li>
      </ul>
    </Section>
  );
}
