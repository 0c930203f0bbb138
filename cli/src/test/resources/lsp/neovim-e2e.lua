-- Drives dockerlint's language server from Neovim's built-in LSP client (Neovim 0.7+):
-- open a Dockerfile, wait for diagnostics, ask for a hover, apply the preferred quick fix, wait
-- for the diagnostics to clear. Writes what it saw as JSON to $DOCKERLINT_E2E_OUT, then quits.
local out = os.getenv('DOCKERLINT_E2E_OUT')
local result = { steps = {} }

local function finish(err)
  result.error = err
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qall!')
end

local function step(name)
  table.insert(result.steps, name)
end

local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('DOCKERLINT_E2E_FILE')))
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'dockerlint',
    cmd = vim.fn.json_decode(os.getenv('DOCKERLINT_LSP_CMD')),
    root_dir = vim.fn.getcwd(),
    init_options = { dockerlint = { platform = 'linux/amd64' } },
  })
  assert(client_id, 'the client did not start')
  vim.lsp.buf_attach_client(bufnr, client_id)
  step('started')

  if not vim.wait(90000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    return finish('no diagnostics arrived')
  end
  result.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    table.insert(result.diagnostics, {
      lnum = d.lnum, col = d.col, code = d.code, source = d.source, message = d.message,
    })
  end
  step('diagnostics')

  local uri = vim.uri_from_bufnr(bufnr)
  local hover = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover',
    { textDocument = { uri = uri }, position = { line = 1, character = 3 } }, 30000)
  for _, r in pairs(hover or {}) do
    if r.result and r.result.contents then
      result.hover = r.result.contents.value
    end
  end
  step('hover')

  local actions = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = { line = 1, character = 0 }, ['end'] = { line = 1, character = 0 } },
    context = { diagnostics = {} },
  }, 30000)
  result.actions = {}
  local preferred
  for _, r in pairs(actions or {}) do
    for _, a in ipairs(r.result or {}) do
      table.insert(result.actions, a.title)
      if a.isPreferred and not preferred then
        preferred = a
      end
    end
  end
  if not preferred then
    return finish('no preferred quick fix')
  end
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
  step('quickfix')

  result.cleared = vim.wait(60000, function() return #vim.diagnostic.get(bufnr) == 0 end, 50)
  step('cleared')

  vim.lsp.stop_client(client_id)
  result.stopped = vim.wait(30000, function() return vim.lsp.client_is_stopped(client_id) end, 50)
  finish(nil)
end)
if not ok then
  finish(tostring(err))
end
