/**
 * A private-use character no message contains: the sentence is asked for with it in place of the
 * emphasised value, then split where the catalogue put it, so each language keeps its word order.
 */
const MARK = '\uE000';

/**
 * A whole translated sentence with one placeholder's value in bold: `say` returns the message
 * with its placeholder filled by the mark it is given ("Strength: $LEVEL$" → "Strength: " <strong>weak</strong>).
 */
export function Emphasis({ say, value }: { say: (mark: string) => string; value: string }) {
  const sentence = say(MARK);
  const at = sentence.indexOf(MARK);
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <strong>{value}</strong>
      {sentence.slice(at + MARK.length)}
    </>
  );
}
