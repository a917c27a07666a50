// Prints N live client-credentials access tokens of the peer, one per line.
const n = Number(process.argv[2] ?? 10000);
const basic = Buffer.from('bench:bench-secret-0123456789abcdef').toString('base64');
const tokens = [];
async function one() {
  const response = await fetch('http://127.0.0.1:5400/token', {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials',
  });
  if (!response.ok) throw new Error(`token ${response.status}: ${await response.text()}`);
  tokens.push((await response.json()).access_token);
}
for (let i = 0; i < n; i += 16) {
  await Promise.all(Array.from({ length: Math.min(16, n - i) }, one));
}
process.stdout.write(tokens.join('\n') + '\n');
