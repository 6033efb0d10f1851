-- claimlint for Neovim: starts claimlint-lsp for Markdown, HTML and text
-- buffers. Works with Neovim 0.7 (vim.lsp.start_client) and later.
--
--   require('claimlint').setup({
--     cmd = { 'claimlint-lsp', '--stdio' },          -- the server
--     filetypes = { 'markdown', 'html', 'text' },
--     settings = { minimumSeverity = 'warning' },   -- the "claimlint" section
--   })
--
-- See docs/editors.md in the claimlint repository for every setting.
local M = {}

local defaults = {
  cmd = { 'claimlint-lsp', '--stdio' },
  filetypes = { 'markdown', 'html', 'text' },
  root_markers = { '.claimlint.json', '.git' },
  settings = {},
  -- Neovim 0.7 sends every change at once when this is 0.
  debounce_text_changes = 0,
  on_attach = nil,
}

M.config = vim.deepcopy(defaults)
local clients = {} -- root dir -> client id

--- The folder a buffer's project starts at: the nearest folder holding one
--- of the root markers, else the buffer's own folder.
function M.root_dir(bufnr)
  local name = vim.api.nvim_buf_get_name(bufnr)
  local dir = name ~= '' and vim.fn.fnamemodify(name, ':p:h') or vim.fn.getcwd()
  local cur = dir
  while cur and cur ~= '' do
    for _, marker in ipairs(M.config.root_markers) do
      if vim.loop.fs_stat(cur .. '/' .. marker) then return cur end
    end
    local parent = vim.fn.fnamemodify(cur, ':h')
    if parent == cur then break end
    cur = parent
  end
  return dir
end

--- The client config for a root folder (what start_client receives).
function M.client_config(root)
  local settings = { claimlint = M.config.settings }
  return {
    name = 'claimlint',
    cmd = M.config.cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = root } },
    init_options = settings,
    settings = settings,
    flags = { debounce_text_changes = M.config.debounce_text_changes },
    on_attach = M.config.on_attach,
  }
end

--- Starts (or reuses) the server for a buffer's root and attaches it.
function M.attach(bufnr)
  bufnr = bufnr or vim.api.nvim_get_current_buf()
  local root = M.root_dir(bufnr)
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(M.client_config(root))
    if not id then
      vim.notify('claimlint: could not start ' .. M.config.cmd[1], vim.log.levels.ERROR)
      return nil
    end
    clients[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
  return id
end

function M.setup(opts)
  M.config = vim.tbl_deep_extend('force', vim.deepcopy(defaults), opts or {})
  local group = vim.api.nvim_create_augroup('claimlint', { clear = true })
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = M.config.filetypes,
    callback = function(args) M.attach(args.buf) end,
  })
  -- Buffers already open when setup() runs.
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(buf)
        and vim.tbl_contains(M.config.filetypes, vim.bo[buf].filetype) then
      M.attach(buf)
    end
  end
end

return M
