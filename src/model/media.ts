// Photo library shapes shared by the queries and the newsroom views.

export interface ImageUse {
  /** The newsroom page to fix the use at. */
  href: string;
  label: string;
}
