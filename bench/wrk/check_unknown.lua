-- check_token with unknown tokens (an attacker's garbage, well under the per-address limit).
function request()
  return prepared(check_request, garbage)
end
