-- Neovim 0.7.2 as a real LSP client of claimlint-lsp, headless.
--
--   SERVER=... PACK=... DOC=... RESULT_FILE=... [ENCODING=utf-8] \
--     nvim --headless --clean -n -c 'luafile nvim_test.lua'
--
-- Opens a Markdown buffer, checks where diagnostics land (byte columns after
-- Neovim's own UTF-16 conversion, on lines with curly quotes and emoji),
-- applies a quick fix, edits, and checks that the diagnostics follow. Exits
-- 0 on success; RESULT_FILE gets a JSON report either way.
local out = { steps = {} }
local function step(name) table.insert(out.steps, name) end

local function finish(code)
  local f = io.open(vim.env.RESULT_FILE, 'w')
  f:write(vim.fn.json_encode(out))
  f:close()
  vim.cmd(code == 0 and 'qall!' or ('cquit! ' .. code))
end

local function wait(ms, cond, what)
  if not vim.wait(ms, cond, 10) then error('timed out: ' .. what) end
end

local ok, err = pcall(function()
  local utf8 = vim.env.ENCODING == 'utf-8'
  vim.cmd('edit ' .. vim.fn.fnameescape(vim.env.DOC))
  local bufnr = vim.api.nvim_get_current_buf()
  local caps = vim.lsp.protocol.make_client_capabilities()
  if utf8 then caps.general = { positionEncodings = { 'utf-8', 'utf-16' } } end
  local published = {}
  local handlers = {
    ['textDocument/publishDiagnostics'] = function(e, r, ctx, c)
      table.insert(published, r)
      return vim.lsp.handlers['textDocument/publishDiagnostics'](e, r, ctx, c)
    end,
  }
  local settings = { claimlint = {
    rulesDirs = { vim.env.PACK }, disable = { 'health/*', 'lsptest/disclaimer' },
    debounceMs = 0 } }
  local id = vim.lsp.start_client({
    name = 'claimlint', cmd = { vim.env.SERVER, '--stdio' },
    root_dir = vim.fn.fnamemodify(vim.env.DOC, ':h'),
    capabilities = caps, offset_encoding = utf8 and 'utf-8' or 'utf-16',
    flags = { debounce_text_changes = 0 }, handlers = handlers,
    init_options = settings, settings = settings,
  })
  assert(id, 'start_client failed')
  vim.lsp.buf_attach_client(bufnr, id)
  local client = vim.lsp.get_client_by_id(id)
  wait(5000, function() return #vim.diagnostic.get(bufnr) > 0 end, 'first diagnostics')
  wait(2000, function() return client.initialized end, 'initialized')
  out.encoding = client.server_capabilities and client.server_capabilities.positionEncoding
  step('diagnostics')

  -- Byte columns (Neovim converted the server's positions) must frame the
  -- words, on every line, curly quotes and emoji included.
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  out.found = {}
  for _, d in ipairs(diags) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
    table.insert(out.found, { lnum = d.lnum, col = d.col, code = d.code,
                              text = line:sub(d.col + 1, d.end_col) })
  end
  local want = { 'cures', 'miracle', 'cure', 'cures' }
  assert(#out.found == #want, 'expected ' .. #want .. ' diagnostics, got ' .. #out.found)
  for i, w in ipairs(want) do
    assert(out.found[i].text == w, 'diagnostic ' .. i .. ' frames "' .. out.found[i].text .. '"')
  end
  -- Line 4 is "😀 Our tea cures 😀 back pain.": byte column 13.
  assert(out.found[4].lnum == 4 and out.found[4].col == 13, 'emoji line column')
  step('positions')

  -- The quick fix, through Neovim's own code-action context (whose ranges
  -- 0.7.2 builds from byte columns): the server must use its data instead.
  vim.api.nvim_win_set_cursor(0, { 5, 13 })
  local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
  params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(bufnr, 4) }
  local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', params, 3000)
  local actions = res[id].result
  assert(actions and #actions > 0, 'no code actions')
  out.titles = {}
  for _, a in ipairs(actions) do table.insert(out.titles, a.title) end
  vim.lsp.util.apply_workspace_edit(actions[1].edit, client.offset_encoding)
  local fixed = vim.api.nvim_buf_get_lines(bufnr, 4, 5, false)[1]
  out.fixed = fixed
  assert(fixed == '😀 Our tea may help with 😀 back pain.', 'fix applied as: ' .. fixed)
  wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do if d.lnum == 4 then return false end end
    return true
  end, 'diagnostic gone after the fix')
  step('code action')

  -- An edit above moves the findings down a line (incremental sync).
  local before = #published
  vim.api.nvim_buf_set_lines(bufnr, 0, 0, false, { 'Intro “é” 😀.' })
  wait(5000, function() return #published > before end, 'publish after edit')
  wait(5000, function()
    local ds = vim.diagnostic.get(bufnr)
    table.sort(ds, function(a, b) return a.lnum < b.lnum end)
    return #ds == 3 and ds[1].lnum == 3
  end, 'diagnostics moved down')
  -- Typing a new claim on the emoji line is found where it is typed.
  vim.api.nvim_buf_set_text(bufnr, 1, 0, 1, 0, { '😀 It cures. ' })
  wait(5000, function()
    for _, d in ipairs(vim.diagnostic.get(bufnr)) do
      local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, false)[1]
      if d.lnum == 1 and line:sub(d.col + 1, d.end_col) == 'cures' then return true end
    end
    return false
  end, 'new claim found')
  step('edit')

  -- Hover on a claim explains it.
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    position = { line = 3, character = 10 } }, 3000)[id].result
  assert(hover and hover.contents.value:find('lsptest/cure', 1, true), 'hover')
  step('hover')

  -- Closing the buffer clears its diagnostics.
  local uri = vim.uri_from_bufnr(bufnr)
  before = #published
  vim.cmd('bwipeout!')
  wait(5000, function()
    local last = published[#published]
    return #published > before and last.uri == uri and #last.diagnostics == 0
  end, 'empty publish on close')
  step('close')
  vim.lsp.stop_client(id)
  wait(3000, function() return vim.lsp.get_client_by_id(id) == nil end, 'client stopped')
  step('stopped')
end)
if ok then finish(0) else out.error = tostring(err); finish(1) end
