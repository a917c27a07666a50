-- check_token with 90% live tokens and 10% garbage, interleaved: every tenth request carries garbage.
local mixed = nil
function request()
  if not mixed then
    mixed = {}
    for n, token in ipairs(tokens) do mixed[n] = (n % 10 == 0) and garbage[n % #garbage + 1] or token end
  end
  return prepared(check_request, mixed)
end
