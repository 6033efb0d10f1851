-- The Neovim plugin (plugins/neovim) starts the server on its own for a
-- Markdown buffer and the diagnostics arrive.
--   PLUGIN=... SERVER=... PACK=... DOC=... RESULT_FILE=... nvim --headless --clean
local out = {}
local function finish(code)
  local f = io.open(vim.env.RESULT_FILE, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end
local ok, err = pcall(function()
  vim.opt.runtimepath:append(vim.env.PLUGIN)
  local claimlint = require('claimlint')
  claimlint.setup({
    cmd = { vim.env.SERVER, '--stdio' },
    settings = { rulesDirs = { vim.env.PACK }, disable = { 'health/*', 'lsptest/disclaimer' },
                 debounceMs = 0 },
  })
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DOC))
  local bufnr = vim.api.nvim_get_current_buf()
  assert(vim.bo.filetype == 'markdown', 'filetype ' .. vim.bo.filetype)
  assert(vim.wait(8000, function() return #vim.diagnostic.get(bufnr) == 4 end, 10),
         'four diagnostics from the plugin-started server')
  out.root = claimlint.root_dir(bufnr)
  out.clients = #vim.lsp.get_active_clients()
  -- A second buffer in the same folder reuses the client.
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.fn.fnamemodify(vim.env.DOC, ':h') .. '/two.md'))
  vim.api.nvim_buf_set_lines(0, 0, -1, false, { 'It cures.' })
  assert(vim.wait(8000, function() return #vim.diagnostic.get(0) == 1 end, 10), 'second buffer')
  assert(#vim.lsp.get_active_clients() == 1, 'one client for one root')
  for _, c in ipairs(vim.lsp.get_active_clients()) do c.stop() end
end)
if ok then finish(0) else out.error = tostring(err); finish(1) end
