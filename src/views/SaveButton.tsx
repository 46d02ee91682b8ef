/**
 * "Lưu để đọc sau": hidden in the HTML and shown by src/assets/offline.js
 * once a service worker can keep the article, so a reader without JavaScript
 * never sees a button that does nothing.
 */
export function SaveButton() {
  return (
    <button type="button" class="save" data-save data-offline hidden>
      Lưu để đọc sau
    </button>
  );
}
