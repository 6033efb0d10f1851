<p>ignored: not a known extension</p>
