-- (e) A terminal's own token.
wrk.method = "POST"
wrk.path = "/oauth/v2/token"
wrk.headers["Authorization"] = "Basic " .. os.getenv("BENCH_BASIC")
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials"
