-- Unknown tokens of the real shape: random 43-character base64url strings, 20,000 per thread (each thread its own),
-- walked in turn. Pass keeps no memory of tokens whose tag does not verify, so a repeat costs what a first sight does.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
garbage = {}
local previous_init = init
function init(args)
  if previous_init then previous_init(args) end
  math.randomseed(os.time() + (tonumber(tostring({}):match("0x(%x+)"), 16) or 0))
  for n = 1, 20000 do
    local chars = {}
    for k = 1, 43 do
      local r = math.random(64)
      chars[k] = alphabet:sub(r, r)
    end
    garbage[n] = table.concat(chars)
  end
end
