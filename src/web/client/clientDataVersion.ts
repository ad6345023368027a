// A counter the client page raises when the client's record changed outside this page (a check-in
// completed on the client's phone), so the sections showing what it changes load again.
import { createContext, useContext } from "react";

export const ClientDataVersion = createContext(0);

/** useLoad's key for data of this client that a completed check-in changes. */
export function useClientDataKey(key: string): string {
  return `${key}#${useContext(ClientDataVersion)}`;
}
