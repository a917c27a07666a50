using Pass.Bench;

// The load tools bench/run.sh needs beside wrk: seeding tokens, live watchers, revocation under load.
return args.FirstOrDefault() switch
{
    "seed" => await Seeding.RunAsync(Arguments.Parse(args[1..])),
    "watchers" => await Watchers.RunAsync(Arguments.Parse(args[1..])),
    "revoke-under-load" => await RevocationUnderLoad.RunAsync(Arguments.Parse(args[1..])),
    "qr-redeem" => await QrRedemption.RunAsync(Arguments.Parse(args[1..])),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Pass.Bench seed|watchers|revoke-under-load --base URL [--out DIR] [...]");
    return 2;
}
