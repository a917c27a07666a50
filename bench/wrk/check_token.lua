-- (b) check_token's hit path over the seeded live tokens (or, with BENCH_TOKENS pointing at them, revoked ones).
function request()
  return prepared(check_request)
end
