-- (e) A card read at a terminal, exchanged for its holder's token.
wrk.method = "POST"
wrk.path = "/oauth/v2/token"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=urn:pass:grant-type:card&card_number=" .. os.getenv("BENCH_CARD")
