// Administration of instrument packs: what is available, and installing a new pack or version.
import { InstallPackForm } from "../../admin/InstallPackForm";
import { InstrumentPacksTable } from "../../admin/InstrumentPacksTable";
import { listInstruments } from "../../api/instruments";
import { LoadError } from "../../components/LoadError";
import { PageHeading } from "../../components/PageHeading";
import { Section } from "../../components/Section";
import { useLoad } from "../../components/useLoad";

export function InstrumentsPage() {
  const packs = useLoad(() => listInstruments(), "instruments");
  return (
    <>
      <PageHeading>Instrument packs</PageHeading>
      <LoadError error={packs.error} />
      {packs.loading && !packs.data && (
        <p role="status">Loading instrument packs…</p>
      )}
      <div className="sections">
        <Section title="Available packs" wide>
          <InstrumentPacksTable packs={packs.data?.items ?? []} />
        </Section>
        <Section title="Install a pack">
          <InstallPackForm onInstalled={packs.reload} />
        </Section>
      </div>
    </>
  );
}
