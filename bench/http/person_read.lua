-- wrk script: authorized profile reads of the demo's persons, spread over ids.
local token = os.getenv("TRYGNET_TOKEN")
local counter = 0
request = function()
  counter = counter + 1
  local id = (counter * 7919) % 7000 + 1
  return wrk.format("GET", "/api/v1/persons/" .. id, { ["Authorization"] = "Bearer " .. token })
end
