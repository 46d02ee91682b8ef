import { type FragmentRef, fragmentName } from "../model/fragments";

/** Where a fragment (a part with its own clock) is put into the page on the way out. */
export function FragmentSlot({ fragment }: { fragment: FragmentRef }) {
  return <div data-fragment={fragmentName(fragment)}></div>;
}
