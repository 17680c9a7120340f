// Publishing a policy: from a policy file (checked exactly as `aspm validate` checks it) or
// a loaded policy to its documents — Markdown, standalone HTML, Word — as bytes, in the
// policy's language and with its templates or a folder that overrides them. What
// `aspm render` does between reading its options and writing its files; nothing here
// prints or writes, so a program can publish a policy without a terminal.

// Every message: a use case's errors and documents may speak any of them.
import '../i18n/all-messages.js';

import { AspmError, type Diagnostic } from '../errors.js';
import type { Policy } from '../policy/policy.generated.js';
import { readPolicy } from '../policy/load-policy.js';
import type { DocumentFormat } from '../render/document-formats.js';
import { renderDocument } from '../render/render-document.js';
import { policyDocumentOptions, renderPolicyMarkdown } from '../render/render-policy.js';
import { readTemplateSet } from '../render/templates.js';

/** A policy file that passed the policy loader's checks, with its warnings. */
export interface PolicyToPublish {
  readonly policy: Policy;
  readonly warnings: readonly Diagnostic[];
}

/** Reads and checks a policy file; one with errors is not published (`render-policy-invalid`, with every diagnostic). */
export async function readPolicyToPublish(file: string): Promise<PolicyToPublish> {
  const loaded = await readPolicy(file);
  if (!loaded.ok) {
    const errors = loaded.diagnostics.filter((d) => d.severity === 'error').length;
    throw new AspmError('render-policy-invalid', { file, errors }, { diagnostics: loaded.diagnostics });
  }
  return { policy: loaded.value, warnings: loaded.diagnostics };
}

export interface PublishPolicyRequest {
  /** A policy file to read and check, or a policy already loaded. */
  readonly policy: string | Policy;
  /** The documents wanted, in order; a format may appear more than once. */
  readonly formats: readonly DocumentFormat[];
  /** A folder whose templates replace the shipped ones of the same name. */
  readonly templates?: string;
}

export interface PublishedDocument {
  readonly format: DocumentFormat;
  /** Markdown and HTML as text, Word as the bytes of the .docx file. */
  readonly data: string | Uint8Array;
}

export interface PublishedPolicy {
  readonly policy: Policy;
  /** The policy file's warnings (none for a policy passed in loaded). */
  readonly warnings: readonly Diagnostic[];
  /** One document per requested format, in the order asked. */
  readonly documents: readonly PublishedDocument[];
}

/** The policy's documents in the formats asked, from one Markdown rendering of it. */
export async function publishPolicy(request: PublishPolicyRequest): Promise<PublishedPolicy> {
  const { policy, warnings } = typeof request.policy === 'string' ? await readPolicyToPublish(request.policy) : { policy: request.policy, warnings: [] };
  const templates = await readTemplateSet(policy.meta.language, request.templates);
  const markdown = renderPolicyMarkdown(policy, templates);
  const options = policyDocumentOptions(policy);
  const documents: PublishedDocument[] = [];
  for (const format of request.formats) documents.push({ format, data: await renderDocument(markdown, format, options) });
  return { policy, warnings, documents };
}
