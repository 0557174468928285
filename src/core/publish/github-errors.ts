// Reading Octokit's request errors without depending on their class.

/** The HTTP status of a failed request, if the error carries one. */
export function errorStatus(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null || !('status' in error)) return undefined;
  const status = Number((error as { status: unknown }).status);
  return Number.isFinite(status) ? status : undefined;
}

/** The error's message and GitHub's own `message` and `errors[].message`, joined for matching. */
export function errorText(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const parts: string[] = [];
  if (error instanceof Error) parts.push(error.message);
  const data = (error as { response?: { data?: unknown } }).response?.data;
  if (typeof data === 'object' && data !== null) {
    const { message, errors } = data as { message?: unknown; errors?: unknown };
    if (typeof message === 'string') parts.push(message);
    if (Array.isArray(errors)) {
      for (const item of errors) {
        if (typeof item === 'string') parts.push(item);
        else if (
          typeof item === 'object' &&
          item !== null &&
          typeof (item as { message?: unknown }).message === 'string'
        ) {
          parts.push((item as { message: string }).message);
        }
      }
    }
  }
  return parts.join(' | ');
}
