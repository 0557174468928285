export type { IssueSpec, PullRequestSpec, Publisher } from './publisher';
export {
  createGitHubPublisher,
  compareUrl,
  fallbackIssueKey,
  type GitHubPublisherOptions,
} from './github-publisher';
export { createDryRunPublisher, type DryRunPublisherOptions } from './dry-run-publisher';
export {
  quoteUserText,
  escapeMarkdownInline,
  neutraliseForTitle,
  neutraliseReferences,
  TITLE_LIMIT,
  type QuoteOptions,
} from './neutralise';
export {
  fingerprintMarker,
  fingerprintBranch,
  findMarker,
  hasMarker,
  withMarker,
  validateFingerprint,
  InvalidFingerprintError,
  type Fingerprint,
} from './fingerprint';
export { fitBody, GITHUB_BODY_LIMIT, CUT_MARKER, type FitBodyOptions } from './body-limit';
export { labelsFor } from './labels';
export { withExtraLabels } from './extra-labels';
