// Loads the client's sessions as the client page does and hands them to the section under test.
import type { ReactNode } from "react";
import {
  useClientSessions,
  type ClientSessions,
} from "../client/useClientSessions";

export function WithSessions({
  clientId,
  children,
}: {
  clientId: string;
  children: (sessions: ClientSessions) => ReactNode;
}) {
  return <>{children(useClientSessions(clientId))}</>;
}
