// What a registry says about one package, in one shape for every ecosystem.
import type { OsvEcosystem } from '../model';

export interface PackageInfo {
  ecosystem: OsvEcosystem;
  name: string;
  /** Every published version (any order). */
  versions: string[];
  /** The registry's idea of "latest" (npm dist-tag, PyPI info.version, Go @latest). */
  latest?: string;
  /** Release time per version, ISO 8601, where the registry says. */
  time: Record<string, string>;
  /** npm `deprecated` messages per version; yanked reasons for PyPI. */
  deprecated: Record<string, string>;
  /** Repository or changelog page, for links in the report. */
  homepage?: string;
}

export interface RegistryClient {
  /** undefined when the registry does not know the package. */
  fetch(name: string): Promise<PackageInfo | undefined>;
  readonly host: string;
}
