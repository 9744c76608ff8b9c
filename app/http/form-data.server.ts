/**
 * The request's form body. A body that is not a form (JSON, no Content-Type, a broken multipart)
 * makes `request.formData()` throw a TypeError, which Remix would answer with a 500: this throws a
 * 400 instead — `onBadBody()` when given (the portal's branded page), else a plain message.
 *
 * No form of Crossdock uploads a file: a file in any field is a 400 naming the field. With `single`,
 * every field is single-valued except those listed in `repeatable` (each also as `name[]`, as Polaris's
 * multiple-choice lists name their checkboxes): a field sent twice (which one
 * would count?) is a 400 naming the field, never silently the first or the last value.
 */
export async function readFormData(
  request: Request,
  onBadBody?: () => Response,
  options: { single?: true; repeatable?: readonly string[] } = {},
): Promise<FormData> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw onBadBody?.() ?? badRequest("Expected a form submission (application/x-www-form-urlencoded or multipart/form-data).");
  }
  const problem = formShapeProblem(form, options);
  if (problem) throw onBadBody?.() ?? badRequest(problem);
  return form;
}

/** What is wrong with the form's shape, as a sentence for the 400, or null. */
export function formShapeProblem(form: FormData, options: { single?: true; repeatable?: readonly string[] }): string | null {
  const seen = new Set<string>();
  for (const [name, value] of form.entries()) {
    const shown = JSON.stringify(name.slice(0, 100));
    if (typeof value !== "string") return `The field ${shown} must be text, not a file.`;
    if (options.single && seen.has(name) && !isRepeatable(name, options.repeatable)) return `The field ${shown} was sent more than once.`;
    seen.add(name);
  }
  return null;
}

/**
 * A repeatable field may repeat under its own name or as `name[]`: Polaris's ChoiceList with
 * `allowMultiple` names its checkboxes "name[]", one per ticked choice.
 */
function isRepeatable(name: string, repeatable: readonly string[] = []): boolean {
  return repeatable.includes(name) || (name.endsWith("[]") && repeatable.includes(name.slice(0, -2)));
}

function badRequest(message: string): Response {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
