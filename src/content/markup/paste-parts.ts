// What reading a paste gives (./paste-html), before its images are stored
// and it becomes blocks or markup (./paste-blocks): its own file so that
// both sides name it without importing each other.

/** A piece of the converted paste: markup, a table (cells of one-line markup), or the place of the n-th image. */
export type PastePart =
  | { kind: "markup"; markup: string }
  | { kind: "table"; caption: string; rows: string[][] }
  | { kind: "image"; index: number };
/** An image as pasted: its src (a data: URL, an http(s) address, file:, cid:…) and alt text. */
export interface PastedImage {
  src: string;
  alt: string;
}
export interface PasteReading {
  parts: PastePart[];
  images: PastedImage[];
  /** The paste holds far more than one article may: reading stopped, the caller refuses it. */
  tooLong: boolean;
}
