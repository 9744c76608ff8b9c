// Forms with a duplicated field or a file where text belongs: a 400 naming the field, never the
// first value taken silently and never a 500 (app/http/form-data.server.ts).
import { describe, expect, it } from "vitest";
import { readFormData } from "~/http/form-data.server";

function post(build: (form: FormData) => void): Request {
  const form = new FormData();
  build(form);
  return new Request("https://crossdock.example.com/app/returns/1", { method: "POST", body: form });
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; text: string }> {
  const thrown = await promise.then(
    () => null,
    (error: unknown) => error,
  );
  if (!(thrown instanceof Response)) throw new Error(`expected a Response to be thrown, got ${String(thrown)}`);
  return { status: thrown.status, text: await thrown.text() };
}

describe("readFormData", () => {
  it("refuses a field sent twice when fields are single-valued, naming it; a repeatable field may repeat", async () => {
    const twice = post((f) => {
      f.append("intent", "approve");
      f.append("intent", "decline");
    });
    expect(await refusal(readFormData(twice, undefined, { single: true }))).toEqual({ status: 400, text: 'The field "intent" was sent more than once.' });
    const ids = post((f) => {
      f.append("ids", "1");
      f.append("ids", "2");
    });
    expect((await readFormData(ids, undefined, { single: true, repeatable: ["ids"] })).getAll("ids")).toEqual(["1", "2"]);
  });

  it("lets a repeatable field repeat as name[] too (Polaris's ChoiceList with allowMultiple), and nothing else", async () => {
    const ticked = post((f) => {
      f.append("reasons[]", "DEFECTIVE");
      f.append("reasons[]", "WRONG_ITEM");
      f.append("reasons", "DEFECTIVE");
      f.append("reasons", "WRONG_ITEM");
    });
    expect((await readFormData(ticked, undefined, { single: true, repeatable: ["reasons"] })).getAll("reasons[]")).toEqual(["DEFECTIVE", "WRONG_ITEM"]);
    const other = post((f) => {
      f.append("intent[]", "approve");
      f.append("intent[]", "decline");
    });
    expect(await refusal(readFormData(other, undefined, { single: true, repeatable: ["reasons"] }))).toEqual({ status: 400, text: 'The field "intent[]" was sent more than once.' });
  });

  it("refuses a file where text belongs, in every form", async () => {
    const file = post((f) => f.append("note", new Blob(["x"]), "note.txt"));
    expect(await refusal(readFormData(file))).toEqual({ status: 400, text: 'The field "note" must be text, not a file.' });
  });

  it("hands the caller's branded page over the plain message", async () => {
    const twice = post((f) => {
      f.append("method", "MAIL");
      f.append("method", "DROP_OFF");
    });
    const branded = new Response("branded", { status: 400 });
    await expect(readFormData(twice, () => branded, { single: true })).rejects.toBe(branded);
  });
});
