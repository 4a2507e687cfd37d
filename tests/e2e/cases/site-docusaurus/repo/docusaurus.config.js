module.exports = { title: 'Payments operations', url: 'https://ops.example.org' };
