// Renders a section as the client page does: with the client's sessions loaded once and shared.
import { render } from "@testing-library/react";
import type { ReactNode } from "react";
import {
  useClientSessions,
  type ClientSessions,
} from "../client/useClientSessions";

function WithSessions({
  clientId,
  children,
}: {
  clientId: string;
  children: (sessions: ClientSessions) => ReactNode;
}) {
  return <>{children(useClientSessions(clientId))}</>;
}

export const renderWithSessions = (
  clientId: string,
  ui: (sessions: ClientSessions) => ReactNode,
) => render(<WithSessions clientId={clientId}>{ui}</WithSessions>);
