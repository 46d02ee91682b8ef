/** Text with its line breaks kept, always escaped. */
export function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) =>
        i === 0 ? (
          line
        ) : (
          <>
            <br />
            {line}
          </>
        ),
      )}
    </>
  );
}
