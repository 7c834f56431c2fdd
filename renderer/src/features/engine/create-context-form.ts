import { CreateContextRequest } from '../../../../shared/model/engine';

/** The create-context dialog's inputs, as typed. */
export interface CreateContextForm {
  name: string;
  host: string;
  description: string;
  ca: string;
  cert: string;
  key: string;
  skipVerify: boolean;
}

/** A form field that can carry a problem. */
export type CreateContextField = 'name' | 'host' | 'description' | 'ca' | 'cert' | 'key';

/** The dialog's starting inputs: all empty, TLS verified. */
export const EMPTY_CREATE_CONTEXT_FORM: CreateContextForm = { name: '', host: '', description: '', ca: '', cert: '', key: '', skipVerify: false };

/** True when the host names a tcp:// endpoint, the only kind that takes TLS files. */
export function isTcpHost(host: string): boolean {
  return host.trim().toLowerCase().startsWith('tcp://');
}

/** The request the inputs make: trimmed, the description left out when empty, TLS only for tcp:// and only when set. */
export function contextRequestOf(form: CreateContextForm): unknown {
  const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
  const tls = { ca: orNull(form.ca), cert: orNull(form.cert), key: orNull(form.key), skipVerify: form.skipVerify };
  const hasTls = tls.ca !== null || tls.cert !== null || tls.key !== null || tls.skipVerify;
  return {
    name: form.name.trim(),
    host: form.host.trim(),
    ...(form.description.trim() === '' ? {} : { description: form.description.trim() }),
    ...(isTcpHost(form.host) && hasTls ? { tls } : {}),
  };
}

/** What the inputs are worth: the request when valid, else one sentence per field in trouble. */
export interface CreateContextCheck {
  request: CreateContextRequest | undefined;
  problems: Partial<Record<CreateContextField, string>>;
}

const FIELDS: readonly CreateContextField[] = ['name', 'host', 'description', 'ca', 'cert', 'key'];

function fieldOf(path: readonly PropertyKey[]): CreateContextField | undefined {
  const last = path[0] === 'tls' ? path[1] : path[0];
  return FIELDS.find((field) => field === last);
}

/**
 * Checks the inputs with the contract's own schema (`CreateContextRequest`: the context name and ssh:// / tcp://
 * endpoint grammars, absolute PEM paths), each field getting its schema's message; plus what the schema cannot
 * know: a name already taken, and a client certificate without its key or the reverse.
 */
export function checkCreateContextForm(form: CreateContextForm, existingNames: readonly string[]): CreateContextCheck {
  const problems: Partial<Record<CreateContextField, string>> = {};
  const parsed = CreateContextRequest.safeParse(contextRequestOf(form));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      if (field !== undefined && problems[field] === undefined) problems[field] = issue.message;
    }
  }
  const name = form.name.trim();
  if (problems.name === undefined && existingNames.includes(name)) problems.name = `A context named "${name}" exists already.`;
  if (isTcpHost(form.host)) {
    const cert = form.cert.trim() !== '';
    const key = form.key.trim() !== '';
    if (cert && !key && problems.key === undefined) problems.key = 'Give the key of the client certificate too.';
    if (key && !cert && problems.cert === undefined) problems.cert = 'Give the client certificate of this key too.';
  }
  const valid = parsed.success && Object.keys(problems).length === 0;
  return { request: valid ? parsed.data : undefined, problems };
}
