/** Where a fragment (a part with its own clock) is put into the page on the way out. */
export function FragmentSlot({ name }: { name: string }) {
  return <div data-fragment={name}></div>;
}
