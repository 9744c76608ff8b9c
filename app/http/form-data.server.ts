/**
 * The request's form body. A body that is not a form (JSON, no Content-Type, a broken multipart)
 * makes `request.formData()` throw a TypeError, which Remix would answer with a 500: this throws a
 * 400 instead — `onBadBody()` when given (the portal's branded page), else a plain message.
 */
export async function readFormData(request: Request, onBadBody?: () => Response): Promise<FormData> {
  try {
    return await request.formData();
  } catch {
    throw (
      onBadBody?.() ??
      new Response("Expected a form submission (application/x-www-form-urlencoded or multipart/form-data).", {
        status: 400,
        headers: { "Content-Type": "text/plain; charset=utf-8" },
      })
    );
  }
}
