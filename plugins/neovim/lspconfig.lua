-- claimlint with nvim-lspconfig (which has no entry for it): register it as
-- a custom server once, then set it up like any other.
local configs = require('lspconfig.configs')
local util = require('lspconfig.util')

if not configs.claimlint then
  configs.claimlint = {
    default_config = {
      cmd = { 'claimlint-lsp', '--stdio' },
      filetypes = { 'markdown', 'html', 'text' },
      root_dir = util.root_pattern('.claimlint.json', '.git'),
      single_file_support = true,
      settings = { claimlint = {} },
    },
    docs = {
      description = 'claimlint-lsp: unqualified health claims in Markdown, HTML and text.',
    },
  }
end

require('lspconfig').claimlint.setup({
  settings = {
    claimlint = {
      minimumSeverity = 'information',
      -- rulesDirs = { 'house-rules' }, disable = { 'health/fear-urgency' },
    },
  },
})
