// What every page's chrome needs to know about the paper.
import type { SectionRef } from "../db/article-types";

export interface SiteInfo {
  name: string;
  url: string;
  tagline: string;
  sections: SectionRef[];
}
