/** A public name a module exports, with where it is declared. */
export interface ExportedName {
  name: string;
  file: string;
  line: number;
}
