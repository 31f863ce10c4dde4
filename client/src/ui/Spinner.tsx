/** A small decorative spinner; the surrounding text or aria state says what is going on. */
export function Spinner({ size = "small" }: { size?: "small" | "large" }) {
  return <span className={`spinner spinner--${size}`} aria-hidden="true" />;
}
