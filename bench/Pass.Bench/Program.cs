using Pass.Bench;

// The load tools bench/run.sh needs beside wrk (seeding tokens, live watchers, revocation under load), and the
// write load and checks of tests/hardening/crash-test.sh.
return args.FirstOrDefault() switch
{
    "seed" => await Seeding.RunAsync(Arguments.Parse(args[1..])),
    "watchers" => await Watchers.RunAsync(Arguments.Parse(args[1..])),
    "revoke-under-load" => await RevocationUnderLoad.RunAsync(Arguments.Parse(args[1..])),
    "qr-redeem" => await QrRedemption.RunAsync(Arguments.Parse(args[1..])),
    "crash-load" => await CrashLoad.RunAsync(Arguments.Parse(args[1..])),
    "crash-inspect" => CrashCheck.Inspect(Arguments.Parse(args[1..])),
    "crash-verify" => await CrashCheck.VerifyAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Pass.Bench seed|watchers|revoke-under-load|qr-redeem|crash-load|crash-inspect|crash-verify --base URL [--out DIR] [...]");
    return 2;
}
