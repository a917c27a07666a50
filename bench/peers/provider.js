// node-oidc-provider 9 with client credentials and RFC 7662 introspection, opaque tokens kept in memory.
import Provider from 'oidc-provider';

const store = new Map();

// The built-in development adapter keeps only 1,000 entries; the bench needs all 10,000 tokens live.
class MapAdapter {
  constructor(name) { this.name = name; }
  key(id) { return `${this.name}:${id}`; }
  async upsert(id, payload) { store.set(this.key(id), payload); }
  async find(id) { return store.get(this.key(id)); }
  async findByUserCode() { return undefined; }
  async findByUid() { return undefined; }
  async consume(id) { const p = store.get(this.key(id)); if (p) p.consumed = Math.floor(Date.now() / 1000); }
  async destroy(id) { store.delete(this.key(id)); }
  async revokeByGrantId() {}
}

const provider = new Provider('http://127.0.0.1:5400', {
  adapter: MapAdapter,
  clients: [{
    client_id: 'bench',
    client_secret: 'bench-secret-0123456789abcdef',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    response_types: [],
  }],
  features: {
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    devInteractions: { enabled: false },
  },
  ttl: { ClientCredentials: 3600 },
});
provider.listen(5400, '127.0.0.1');
