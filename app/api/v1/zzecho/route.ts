export async function POST(req: Request) {
  const t = await req.text();
  return new Response(JSON.stringify({ n: t.length }), { headers: { "content-type": "application/json" } });
}
export async function GET() {
  return Response.json({ ok: true });
}
