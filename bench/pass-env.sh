# Sourced by bench/run.sh and tests/hardening/crash-test.sh: the configuration both run Pass with, as env
# assignments in PASS_ENV. Production on plain HTTP (loopback only), no request log, the bench administrator, a
# terminal (client credentials, card and QR grants, hex reader) and an app (password grant). The per-person QR limit
# is lifted: both have one person create QR codes far faster than a person would.
# Usage: source bench/pass-env.sh DATA_FOLDER; env "${PASS_ENV[@]}" dotnet Pass.Web/bin/Release/net10.0/Pass.Web.dll
PASS_ENV=(
  ASPNETCORE_ENVIRONMENT=Production "Pass__DataDirectory=$1" Pass__RequireHttps=false Pass__RequestLogging=false
  Pass__Bootstrap__AdminEmail=admin@bench.local Pass__Bootstrap__AdminPassword=Bench-Admin-Password-1
  Pass__Qr__CodeLifetime=00:10:00 Logging__LogLevel__Default=Warning Pass__RateLimits__QrSessionsPerPersonPerMinute=0
  Pass__Clients__0__ClientId=bench-terminal Pass__Clients__0__ClientSecret=bench-terminal-secret-0123456789abcdef
  Pass__Clients__0__ReaderFormat=HexUid Pass__Clients__0__Grants__0=client_credentials
  Pass__Clients__0__Grants__1=urn:pass:grant-type:card Pass__Clients__0__Grants__2=urn:pass:grant-type:qr
  Pass__Clients__1__ClientId=bench-app Pass__Clients__1__ClientSecret=bench-app-secret-0123456789abcdef
  Pass__Clients__1__Grants__0=password
)
