// Already have firebase-admin in your dependencies!
const { bucket } = require('./utils/firebaseAdmin');
const multer = require('multer');

// Use memory storage instead of disk storage
const upload = multer({ 
  storage: multer.memoryStorage(),
  limits: { fileSize: 10 * 1024 * 1024 } // 10MB
});

app.post('/api/subtitles/upload', upload.single('subtitle'), async (req, res) => {
  try {
    if (!req.file) {
      return res.status(400).json({ error: 'No file uploaded' });
    }

    const filename = `subtitles/${Date.now()}-${req.file.originalname}`;
    const file = bucket.file(filename);
    
    await file.save(req.file.buffer, {
      metadata: { contentType: req.file.mimetype }
    });

    const [url] = await file.getSignedUrl({
      action: 'read',
      expires: '03-01-2500'
    });

    res.json({ 
      message: 'Subtitle uploaded successfully',
      url,
      filename 
    });
  } catch (error) {
    console.error('Upload error:', error);
    res.status(500).json({ error: 'Upload failed' });
  }
});
