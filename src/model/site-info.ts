// What every page's chrome needs to know about the paper: plain data built by
// src/reader/site-info.ts from the settings, sections and static pages.
import type { SectionRef } from "./article";

export interface MenuLink {
  href: string;
  label: string;
  /** The section slug, to mark the current one. */
  section?: string;
}

export interface SiteInfo {
  name: string;
  shortName: string;
  /** Absolute, no trailing slash. */
  url: string;
  tagline: string;
  /** Every section, in order (the home page shows each). */
  sections: SectionRef[];
  brandColor: string;
  logo: { src: string; width: number; height: number } | null;
  headerMenu: MenuLink[];
  footerMenu: MenuLink[];
  contact: { address: string; phone: string; email: string };
  legal: { licenceNumber: string; licenceIssuer: string; editorInChief: string; agency: string };
}
