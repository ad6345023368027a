// Why loading failed, announced assertively; nothing while there is no error.
export function LoadError({ error }: { error: string | null }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}
