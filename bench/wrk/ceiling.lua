-- (a) The same server build answering 200 and doing nothing (mapped only with Pass:Bench:Enabled).
wrk.method = "GET"
wrk.path = "/bench/ceiling"
