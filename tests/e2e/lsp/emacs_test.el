;;; emacs_test.el --- eglot (Emacs 28) as a real client of claimlint-lsp -*- lexical-binding: t -*-
;;
;; SERVER=... PACK=... DOC=... RESULT_FILE=... EGLOT_DIR=/usr/share/emacs/site-lisp/elpa \
;;   emacs --batch -Q -l emacs_test.el
;;
;; Loads the eglot setup of plugins/emacs, opens a Markdown page (text-mode,
;; language id "markdown"), checks where flymake's diagnostics land on lines
;; with curly quotes and emoji, applies a quick fix through eglot's own
;; code-action request, edits, and checks the diagnostics the server
;; publishes for the new version.  Exits 0 on success.

;; Emacs 28 has no eglot of its own; the Debian package keeps it (and the
;; newer project/xref it needs) in EGLOT_DIR, which -Q does not search.
(dolist (sub (directory-files (getenv "EGLOT_DIR") t "\\`[a-z]"))
  (when (file-directory-p sub)
    (add-to-list 'load-path sub)))
(require 'eglot)
(require 'flymake)
(require 'json)

(defvar cl-report nil "Alist written to RESULT_FILE.")
(defvar cl-steps nil)
(defvar cl-published nil "(URI VERSION COUNT) of each publish, newest first.")

(defun cl-finish (code)
  (push (cons 'steps (vconcat (reverse cl-steps))) cl-report)
  (with-temp-file (getenv "RESULT_FILE")
    (insert (json-encode cl-report)))
  (kill-emacs code))

(defun cl-wait (secs pred what)
  (let ((deadline (+ (float-time) secs)))
    (while (and (not (funcall pred)) (< (float-time) deadline))
      (accept-process-output nil 0.02))
    (unless (funcall pred)
      (error "timed out: %s" what))))

(defun cl-diags ()
  "Flymake diagnostics as (LINE COL TEXT), in buffer order."
  (sort (mapcar (lambda (d)
                  (let ((b (flymake-diagnostic-beg d))
                        (e (flymake-diagnostic-end d)))
                    (list (line-number-at-pos b)
                          (save-excursion (goto-char b) (current-column))
                          (buffer-substring-no-properties b e))))
                (flymake-diagnostics))
        (lambda (x y) (or (< (car x) (car y))
                          (and (= (car x) (car y)) (< (cadr x) (cadr y)))))))

(advice-add 'eglot-handle-notification :before
            (lambda (_server method &rest params)
              (when (eq method 'textDocument/publishDiagnostics)
                (push (list (plist-get params :uri) (plist-get params :version)
                            (length (plist-get params :diagnostics)))
                      cl-published))))

(condition-case err
    (let* ((server-program (list (getenv "SERVER") "--stdio"
                                 "--rules-dir" (getenv "PACK")))
           (doc (getenv "DOC")))
      ;; The plugin (plugins/emacs) registers the server; the page is opened
      ;; in text-mode (Emacs has no markdown-mode) but read as Markdown.
      (load (expand-file-name "../../../plugins/emacs/claimlint-eglot.el"
                              (file-name-directory load-file-name)))
      (setq claimlint-server-command server-program
            claimlint-modes '((text-mode :language-id "markdown"))
            claimlint-settings '(:disable ["health/*" "lsptest/disclaimer"]
                                 :debounceMs 0))
      (claimlint-eglot-setup)
      (find-file doc)
      (text-mode)
      (eglot-ensure)
      (run-hooks 'post-command-hook)
      (cl-wait 15 (lambda () (eglot-current-server)) "eglot connected")
      (cl-wait 15 (lambda () (= (length (flymake-diagnostics)) 4))
               "four diagnostics")
      (push 'diagnostics cl-steps)

      ;; Positions: eglot converts the server's UTF-16 columns itself.
      (let ((found (cl-diags)))
        (push (cons 'found (vconcat (mapcar #'vconcat found))) cl-report)
        (unless (equal (mapcar #'caddr found) '("cures" "miracle" "cure" "cures"))
          (error "diagnostics frame %S" (mapcar #'caddr found)))
        (unless (equal (butlast (nth 3 found)) '(5 11))
          (error "emoji line: %S" (nth 3 found))))
      (push 'positions cl-steps)

      ;; A quick fix through eglot's own request (its context carries the
      ;; diagnostics it was sent), applied as eglot applies edits.
      (let* ((d (car (last (sort (flymake-diagnostics)
                                 (lambda (a b) (< (flymake-diagnostic-beg a)
                                                  (flymake-diagnostic-beg b)))))))
             (actions (eglot-code-actions (flymake-diagnostic-beg d)
                                          (flymake-diagnostic-end d) nil nil))
             (first (car actions)))
        (push (cons 'titles (vconcat (mapcar (lambda (a) (plist-get a :title))
                                             actions)))
              cl-report)
        (unless (plist-get first :isPreferred)
          (error "first action is not the preferred one"))
        (eglot--apply-workspace-edit (plist-get first :edit))
        (let ((line (save-excursion (goto-char (point-min)) (forward-line 4)
                                    (buffer-substring-no-properties
                                     (line-beginning-position)
                                     (line-end-position)))))
          (push (cons 'fixed line) cl-report)
          (unless (equal line "😀 Our tea may help with 😀 back pain.")
            (error "fix applied as %S" line))))
      (eglot--signal-textDocument/didChange)
      (cl-wait 10 (lambda () (= (length (flymake-diagnostics)) 3))
               "three diagnostics after the fix")
      (push 'code-action cl-steps)

      ;; Edit above: the server re-lints the new version.
      (goto-char (point-min))
      (insert "Intro “é” 😀.\n")
      (eglot--signal-textDocument/didChange)
      (let ((version eglot--versioned-identifier))
        (cl-wait 10 (lambda () (equal (cadr (car cl-published)) version))
                 "publish of the edited version"))
      (let ((found (cl-diags)))
        (unless (equal (mapcar #'car found) '(4 5 5))
          (error "after the edit: %S" found)))
      (push 'edit cl-steps)

      ;; Hover on the first claim.
      (let* ((server (eglot-current-server))
             (hover (jsonrpc-request
                     server :textDocument/hover
                     (list :textDocument (eglot--TextDocumentIdentifier)
                           :position (list :line 3 :character 10)))))
        (unless (string-match-p "lsptest/cure"
                                (plist-get (plist-get hover :contents) :value))
          (error "hover: %S" hover)))
      (push 'hover cl-steps)

      (let ((server (eglot-current-server)))
        (eglot-shutdown server)
        (cl-wait 10 (lambda () (not (process-live-p (jsonrpc--process server))))
                 "server exit")
        (push (cons 'serverExit (process-exit-status (jsonrpc--process server)))
              cl-report))
      (push 'shutdown cl-steps)
      (cl-finish 0))
  (error
   (push (cons 'error (error-message-string err)) cl-report)
   (cl-finish 1)))
