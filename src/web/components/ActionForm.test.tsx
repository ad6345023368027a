import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ActionForm } from "./ActionForm";
import { useAction } from "./useAction";

interface Props {
  work: (name: string) => Promise<string | undefined>;
  announce?: boolean;
  submitDisabled?: boolean;
}

function NameForm({ work, announce, submitDisabled }: Props) {
  const [name, setName] = useState("");
  const action = useAction();
  return (
    <ActionForm
      action={action}
      className="inline-form"
      submitClassName="secondary"
      submitLabel="Save the name"
      announce={announce}
      submitDisabled={submitDisabled}
      onSubmit={() => work(name)}
    >
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
    </ActionForm>
  );
}

/** A promise the test settles by hand, so "while it runs" needs no clock. */
function deferred() {
  let resolve: (value: string) => void = () => undefined;
  let reject: (reason: Error) => void = () => undefined;
  const promise = new Promise<string>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("ActionForm", () => {
  it("runs the work with the fields' values, disables the button while it runs and announces the outcome", async () => {
    const pending = deferred();
    const seen: string[] = [];
    render(
      <NameForm
        work={(name) => {
          seen.push(name);
          return pending.promise;
        }}
      />,
    );
    const button = screen.getByRole("button", { name: "Save the name" });
    expect(button.className).toBe("secondary");
    expect(button.closest("form")?.className).toBe("inline-form");
    fireEvent.change(screen.getByLabelText("Name"), {
      target: { value: "Maya" },
    });
    fireEvent.click(button);
    expect(seen).toEqual(["Maya"]);
    await waitFor(() => expect(button.hasAttribute("disabled")).toBe(true));
    pending.resolve("Saved Maya.");
    await waitFor(() =>
      expect(screen.getByRole("status").textContent).toBe("Saved Maya."),
    );
    expect(button.hasAttribute("disabled")).toBe(false);
    expect(screen.getByRole("alert").textContent).toBe("");
  });

  it("says why the work failed", async () => {
    render(<NameForm work={() => Promise.reject(new Error("name taken"))} />);
    fireEvent.click(screen.getByRole("button", { name: "Save the name" }));
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe("name taken"),
    );
    expect(screen.getByRole("status").textContent).toBe("");
  });

  it("leaves the outcome to the caller when told not to announce it", () => {
    render(<NameForm work={() => Promise.resolve("ok")} announce={false} />);
    expect(screen.queryByRole("status")).toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("keeps the button disabled for the caller's own reason", () => {
    render(<NameForm work={() => Promise.resolve("ok")} submitDisabled />);
    expect(
      screen
        .getByRole("button", { name: "Save the name" })
        .hasAttribute("disabled"),
    ).toBe(true);
  });
});
